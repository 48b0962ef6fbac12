"""Reading outside files (ACE's hub allocations, ONS lookups and boundaries) into typed rows and problems.

Nothing here writes to the database: the writes are the services in tutti.network.services.
"""
