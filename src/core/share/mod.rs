//! (stub: share lands here)
