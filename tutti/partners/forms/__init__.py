"""Forms of the Partnerships pages: they turn input into field errors; the services assume valid input."""
