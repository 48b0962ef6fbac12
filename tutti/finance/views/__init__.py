"""The finance pages: the overview (budget against actual), grants, the ledger and its import, sustainability."""
