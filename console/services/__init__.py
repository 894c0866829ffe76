"""The station's use cases, Qt-free, grouped by what the station does; each subpackage exports its public names."""
