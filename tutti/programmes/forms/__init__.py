"""Forms of the programmes module: they turn what people type into field errors; services assume valid input."""
