"""The Partnerships pages, one module per part: interactions, partners, agreements and shares, the map, the API."""
