//! A hybrid logical clock: readings that follow the wall clock when it moves forward, never go
//! backwards when it does not, and always come after every reading this device has seen from
//! another. Two edits to one field are ordered by their readings, not by whose wall clock is
//! ahead alone: an edit made after seeing another always wins over it, even when the device's
//! clock is behind.

use serde::{Deserialize, Serialize};

/// One reading: milliseconds since the Unix epoch (the larger of the wall clock and the last
/// reading), a counter for readings within one millisecond, and the device that made it, which
/// orders readings that tie (serialised as `[ms, n, device]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Stamp(pub u64, pub u32, pub u64);

impl Stamp {
    /// The device that made this reading.
    pub fn device(&self) -> u64 {
        self.2
    }

    /// Its time in milliseconds since the Unix epoch.
    pub fn ms(&self) -> u64 {
        self.0
    }
}

/// A device's clock: its id and its last reading (kept with the device's sync state).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clock {
    /// This device (a random id chosen when sync is turned on here).
    pub device: u64,
    /// The latest reading made or seen: milliseconds and counter.
    pub last: (u64, u32),
}

impl Clock {
    /// A clock for `device` that has read nothing yet.
    pub fn new(device: u64) -> Clock {
        Clock {
            device,
            last: (0, 0),
        }
    }

    /// A new reading at wall time `now_ms`, after every reading made or seen before.
    pub fn tick(&mut self, now_ms: u64) -> Stamp {
        let (ms, n) = self.last;
        self.last = if now_ms > ms {
            (now_ms, 0)
        } else if n < u32::MAX {
            (ms, n + 1)
        } else {
            (ms.saturating_add(1), 0)
        };
        Stamp(self.last.0, self.last.1, self.device)
    }

    /// Takes note of a reading from elsewhere: the next [`Clock::tick`] comes after it.
    pub fn observe(&mut self, seen: Stamp) {
        if (seen.0, seen.1) > self.last {
            self.last = (seen.0, seen.1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readings_rise_even_when_the_wall_clock_stalls_or_goes_back() {
        let mut c = Clock::new(7);
        let a = c.tick(1_000);
        let b = c.tick(1_000);
        let d = c.tick(500);
        assert!(a < b && b < d, "{a:?} {b:?} {d:?}");
        assert_eq!(d, Stamp(1_000, 2, 7));
        assert_eq!(c.tick(2_000), Stamp(2_000, 0, 7));
    }

    #[test]
    fn a_reading_made_after_seeing_another_comes_after_it_whatever_the_wall_clock() {
        let mut behind = Clock::new(1);
        let ahead = Stamp(90_000, 3, 2);
        behind.observe(ahead);
        let next = behind.tick(10_000);
        assert!(next > ahead);
        assert_eq!(next, Stamp(90_000, 4, 1));
    }

    #[test]
    fn the_counter_does_not_overflow() {
        let mut c = Clock {
            device: 1,
            last: (5, u32::MAX),
        };
        assert_eq!(c.tick(0), Stamp(6, 0, 1));
    }

    #[test]
    fn ties_are_ordered_by_device() {
        assert!(Stamp(1, 0, 1) < Stamp(1, 0, 2));
        assert!(Stamp(1, 0, 9) < Stamp(1, 1, 0));
    }
}
