//! Prints a history back as docker (or podman) would.
//!
//! (stub)
