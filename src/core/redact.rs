//! Finds likely secrets in layer instructions before sharing.
//!
//! (stub)
