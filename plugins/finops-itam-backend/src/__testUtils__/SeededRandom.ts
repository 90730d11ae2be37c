function decimal(whole: string, fraction: string): string {
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

/**
 * A small seeded PRNG (mulberry32) for property-style tests: failures reproduce from the
 * seed, which Math.random would not allow.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Whole number in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  /** A string of `min` to `max` characters drawn from `alphabet`. */
  string(alphabet: readonly string[], min: number, max: number): string {
    let text = '';
    for (let i = this.int(min, max); i > 0; i--) {
      text += this.pick(alphabet);
    }
    return text;
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  }

  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) {
      out += String(this.int(0, 9));
    }
    return out;
  }

  /**
   * A non-negative decimal string of one of the shapes real cost data has: zero, whole
   * numbers up to 22 digits, 16-decimal values, and values below a millionth.
   */
  magnitude(maxPlaces = 16): string {
    const places = this.int(0, maxPlaces);
    switch (this.int(0, 5)) {
      case 0:
        return '0';
      case 1: // below a millionth
        return maxPlaces < 7
          ? decimal('0', this.digits(maxPlaces))
          : `0.000000${this.digits(Math.max(1, places - 6))}`;
      case 2: // the smallest unit
        return maxPlaces === 0 ? '1' : `0.${'0'.repeat(maxPlaces - 1)}1`;
      case 3: // large
        return decimal(
          `${this.int(1, 9)}${this.digits(this.int(0, 21))}`,
          this.digits(places),
        );
      default:
        return decimal(String(this.int(0, 100000)), this.digits(places));
    }
  }

  /** A decimal amount, negative about a third of the time (credits). */
  amount(maxPlaces = 16): string {
    const value = this.magnitude(maxPlaces);
    return this.chance(0.35) ? `-${value}` : value;
  }
}
