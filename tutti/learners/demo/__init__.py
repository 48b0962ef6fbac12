"""Demo teaching data (DEBUG only): a realistic, clearly invented term for the demo hubs.

Everything here is invented: schools with "(invented)" in their names and URNs from 9,100,001 (no real
school's URN has seven digits), staff and children named by Faker (en_GB, fixed seed), guardians with
example.org addresses and Ofcom's drama telephone numbers.
"""
