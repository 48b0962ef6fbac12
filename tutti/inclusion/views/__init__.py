"""The inclusion pages: remission schemes and applications for the hub's inclusion lead, and participation."""
