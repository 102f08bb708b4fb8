//! The simulation's only source of randomness: d3-force's linear congruential generator.
//!
//! d3 draws random numbers only to break ties between coincident points ("jiggle"), never to
//! place nodes. Using the same generator with the same seed and drawing in the same order as d3
//! is what makes our runs reproduce d3's, coincident points included.

/// d3-force's linear congruential generator (Numerical Recipes parameters, modulus 2^32).
///
/// d3 computes `(a * s + c) % 2^32` in doubles; every intermediate value stays below 2^53, so
/// that is exactly wrapping `u32` arithmetic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinearCongruentialGenerator {
    state: u32,
}

impl LinearCongruentialGenerator {
    /// The multiplier `a`.
    pub const MULTIPLIER: u32 = 1_664_525;
    /// The increment `c`.
    pub const INCREMENT: u32 = 1_013_904_223;
    /// The modulus `m = 2^32`, as the divisor that maps a state to `[0, 1)`.
    const MODULUS_AS_F64: f64 = 4_294_967_296.0;

    /// A generator whose state starts at `seed` (d3 always starts at 1).
    pub fn new(seed: u32) -> Self {
        LinearCongruentialGenerator { state: seed }
    }

    /// Advances the state and returns it as a number in `[0, 1)`.
    pub fn next_unit_interval(&mut self) -> f64 {
        self.state = self.state.wrapping_mul(Self::MULTIPLIER).wrapping_add(Self::INCREMENT);
        f64::from(self.state) / Self::MODULUS_AS_F64
    }

    /// A tiny random offset in `[-5e-7, 5e-7)`, d3's `jiggle`: used to push coincident points
    /// apart in a random direction instead of dividing zero by zero.
    pub fn jiggle(&mut self) -> f64 {
        (self.next_unit_interval() - 0.5) * 1e-6
    }

    /// d3's tie-break for an offset between two points: each of `dx`, `dy` that is exactly zero
    /// (x first, then y) is replaced by a jiggle whose square is added to `distance_squared`, so
    /// coincident or aligned points get pushed apart in a random direction.
    #[inline]
    pub(crate) fn jiggle_zero_components(&mut self, dx: &mut f64, dy: &mut f64, distance_squared: &mut f64) {
        if *dx == 0.0 {
            *dx = self.jiggle();
            *distance_squared += *dx * *dx;
        }
        if *dy == 0.0 {
            *dy = self.jiggle();
            *distance_squared += *dy * *dy;
        }
    }
}
