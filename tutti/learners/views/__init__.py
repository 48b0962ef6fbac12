"""The learners pages under /hub/learners/: thin views over the selectors and services."""
