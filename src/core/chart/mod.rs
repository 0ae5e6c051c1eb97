//! (stub: chart lands here)
