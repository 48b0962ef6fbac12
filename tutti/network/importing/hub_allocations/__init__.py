"""ACE's spreadsheet of Music Hub areas and funding allocations, read into typed rows and problems.

`columns` finds the header row and what each header means; `parsing` reads the rows under it. Checks that
need the database (which local authorities exist, what a name means) are in `tutti.network.importing.references`.
"""
