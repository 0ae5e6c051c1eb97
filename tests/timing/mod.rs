//! Timing for the tests that check that work grows linearly with the input
//! (`mod timing;` in each): they run the code on an input and on one several
//! times bigger, and compare the two times with each other, never with a
//! fixed limit (a debug build on a loaded machine is slow for reasons that
//! are not the code's: one CI run took 11.7 s on input a quiet machine
//! read in 2).
//!
//! A time is the fastest of a few runs, the two sizes interleaved, and is
//! measured on the test thread's own CPU clock where the platform has one
//! (Linux: `CLOCK_THREAD_CPUTIME_ID`), so time spent waiting for a core
//! while other tests or builds run does not count; elsewhere on the wall
//! clock.

#![allow(dead_code)]

use std::time::{Duration, Instant};

/// Times of the same work on a small and a big input.
pub struct Growth {
    /// The fastest run on the small input.
    pub small: Duration,
    /// The fastest run on the big input.
    pub big: Duration,
    /// How many times as long the big input took.
    pub ratio: f64,
    /// Which clock measured them ("thread CPU" or "wall").
    pub clock: &'static str,
}

impl std::fmt::Display for Growth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:?} small, {:?} big: ratio {:.1} ({} clock)",
            self.small, self.big, self.ratio, self.clock
        )
    }
}

/// Runs `small` and `big` `reps` times each, in turn, and keeps the fastest
/// run of each.
pub fn growth(reps: usize, mut small: impl FnMut(), mut big: impl FnMut()) -> Growth {
    let (mut t_small, mut t_big) = (Duration::MAX, Duration::MAX);
    for _ in 0..reps.max(1) {
        t_small = t_small.min(timed(&mut small));
        t_big = t_big.min(timed(&mut big));
    }
    Growth {
        small: t_small,
        big: t_big,
        ratio: t_big.as_secs_f64() / t_small.as_secs_f64().max(1e-9),
        clock: if thread_cpu_time().is_some() {
            "thread CPU"
        } else {
            "wall"
        },
    }
}

/// How long one run of `f` took, on the thread's CPU clock if there is one.
fn timed(f: &mut impl FnMut()) -> Duration {
    match thread_cpu_time() {
        Some(start) => {
            f();
            thread_cpu_time().unwrap_or(start).saturating_sub(start)
        }
        None => {
            let start = Instant::now();
            f();
            start.elapsed()
        }
    }
}

/// The CPU time the calling thread has used, where the platform says it.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn thread_cpu_time() -> Option<Duration> {
    /// `struct timespec` on 64-bit Linux.
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    /// From `<time.h>` on Linux.
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    extern "C" {
        fn clock_gettime(clock: i32, now: *mut Timespec) -> i32;
    }
    let mut now = Timespec { sec: 0, nsec: 0 };
    // SAFETY: `now` is a valid, writable `struct timespec`; clock_gettime
    // writes only into it and reports failure by its return value.
    let res = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut now) };
    let secs = u64::try_from(now.sec).ok()?;
    let nanos = u32::try_from(now.nsec).ok()?;
    (res == 0).then(|| Duration::new(secs, nanos))
}

/// The CPU time the calling thread has used, where the platform says it.
#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
fn thread_cpu_time() -> Option<Duration> {
    None
}
