"""Reading DfE's Get Information About Schools (GIAS) establishment extract into checked school records.

Nothing here writes to the database: `tutti.schools.services.school_register_import` does.
"""
