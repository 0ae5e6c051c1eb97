//! (stub: compare lands here)
