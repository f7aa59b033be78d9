// A hash map from a pair of small non-negative integers (node ids) to one, in typed arrays with
// open addressing. The decision diagrams look such pairs up millions of times, and a Map keyed by
// a · 2^26 + b (a double, not a small integer) spent most of their time hashing and allocating.
export class PairTable {
  private keysA: Int32Array;
  private keysB: Int32Array;
  private values: Int32Array;
  private mask: number;
  private count = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.keysA = new Int32Array(size).fill(-1);
    this.keysB = new Int32Array(size);
    this.values = new Int32Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.count;
  }

  private slot(a: number, b: number): number {
    return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) >>> 0 & this.mask;
  }

  /** The value for (a, b), or −1 when there is none (values are never negative). */
  get(a: number, b: number): number {
    let i = this.slot(a, b);
    for (;;) {
      const k = this.keysA[i]!;
      if (k === -1) return -1;
      if (k === a && this.keysB[i] === b) return this.values[i]!;
      i = (i + 1) & this.mask;
    }
  }

  set(a: number, b: number, value: number): void {
    if ((this.count + 1) * 2 > this.mask + 1) this.grow();
    let i = this.slot(a, b);
    for (;;) {
      const k = this.keysA[i]!;
      if (k === -1) {
        this.keysA[i] = a;
        this.keysB[i] = b;
        this.values[i] = value;
        this.count++;
        return;
      }
      if (k === a && this.keysB[i] === b) {
        this.values[i] = value;
        return;
      }
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const [a, b, v] = [this.keysA, this.keysB, this.values];
    const size = (this.mask + 1) * 2;
    this.keysA = new Int32Array(size).fill(-1);
    this.keysB = new Int32Array(size);
    this.values = new Int32Array(size);
    this.mask = size - 1;
    this.count = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== -1) this.set(a[i]!, b[i]!, v[i]!);
  }
}
