"""One widget per tab of the report editor; each binds to a Report and emits ``changed``."""
