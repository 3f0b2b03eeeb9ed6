/**
 * Counts work, not time (issue 14: "counts work, not time"): while `counting`, the built-in methods whose
 * cost grows with the data they touch add that size to the bucket of whoever is running, so a test can
 * compare the work on a 1 MB and a 4 MB paragraph without depending on the machine's load.
 *
 * What is counted, and why it is enough to see a quadratic rule: a rule's text work goes through these methods
 * (slices, searches, regular expressions, array passes); a rule that is quadratic repeats one of them over a
 * growing stretch per finding (lastIndexOf back to the start of the paragraph, a regular expression over the
 * whole sentence, a copy of a growing list), and that repeated stretch is what gets counted. Not counted:
 * O(1) accesses (charCodeAt, [i], Map and Set look-ups): wrapping them would make the test minutes long, and
 * each one is constant work. A loop of them nested in another loop would be missed; the engine's hot loops
 * (the automaton, cjk-space) have their own counts in their own tests.
 */

type Fn = (...args: never[]) => unknown;

const buckets = new Map<string, number>();
let current = "lint";
let counting = false;

function add(n: number): void {
  if (!counting) return;
  buckets.set(current, (buckets.get(current) ?? 0) + n);
}

/** Runs `fn` with its work put in `bucket` (nested: the inner bucket wins, then the outer one resumes). */
export function inBucket<T>(bucket: string, fn: () => T): T {
  const outer = current;
  current = bucket;
  try {
    return fn();
  } finally {
    current = outer;
  }
}

const restore: (() => void)[] = [];

// The cost functions price a method from its receiver, arguments and result; each declares its own types.
// biome-ignore lint/suspicious/noExplicitAny: the one loose signature all of them fit
type Cost = (self: any, args: any, out: any) => number;

function wrap<T extends object>(proto: T, name: string, cost: Cost) {
  const original = (proto as Record<string, Fn>)[name]!;
  const wrapped = function (this: never, ...args: never[]) {
    const out = original.apply(this, args);
    if (counting) add(cost(this, args, out));
    return out;
  };
  Object.defineProperty(proto, name, { value: wrapped, writable: true, configurable: true });
  restore.push(() =>
    Object.defineProperty(proto, name, { value: original, writable: true, configurable: true }),
  );
}

const len = (s: { length: number }) => s.length + 1;

function install(): void {
  const S = String.prototype;
  for (const m of ["slice", "substring", "substr", "padStart", "padEnd", "repeat"])
    wrap(S, m, (_s, _a, out: string) => out.length + 1);
  for (const m of ["split", "trim", "trimStart", "trimEnd", "normalize", "toLowerCase", "toUpperCase", "at"])
    wrap(S, m, (s: string) => (m === "at" ? 1 : len(s)));
  for (const m of ["replace", "replaceAll", "match", "matchAll", "search", "localeCompare", "concat"])
    wrap(S, m, (s: string) => len(s));
  // A search costs the stretch it walks: from where it starts to where it stops.
  wrap(S, "indexOf", (s: string, a: [string, number?], out: number) => {
    const from = Math.max(0, a[1] ?? 0);
    return (out === -1 ? s.length - from : out - from) + String(a[0]).length + 1;
  });
  wrap(S, "includes", (s: string, a: [string, number?], out: boolean) => {
    const from = Math.max(0, a[1] ?? 0);
    return (out ? String(a[0]).length : s.length - from) + 1;
  });
  wrap(S, "lastIndexOf", (s: string, a: [string, number?], out: number) => {
    const from = Math.min(s.length, a[1] ?? s.length);
    return (out === -1 ? from : from - out) + String(a[0]).length + 1;
  });
  for (const m of ["startsWith", "endsWith"]) wrap(S, m, (_s, a: [string]) => String(a[0]).length + 1);
  // Spreading a string ([...s], Array.from(s)) walks it.
  wrap(S, Symbol.iterator as unknown as string, (s: string) => len(s));

  // RegExp#test, #[Symbol.match], #[Symbol.replace], #[Symbol.split] and String#match/replace with a regular
  // expression all call exec (ECMA-262 RegExpExec): one wrapper sees every regular-expression search.
  wrap(RegExp.prototype, "exec", (re: RegExp, a: [string], out: RegExpExecArray | null) => {
    const input = String(a[0]);
    const from = re.global || re.sticky ? Math.max(0, re.lastIndex - (out ? out[0].length : 0)) : 0;
    const to = out ? out.index + out[0].length : input.length;
    return Math.max(1, to - Math.min(from, to)) + 1;
  });

  const A = Array.prototype;
  for (const m of [
    "map",
    "forEach",
    "filter",
    "reduce",
    "reduceRight",
    "join",
    "slice",
    "concat",
    "flat",
    "flatMap",
  ])
    wrap(A, m, (arr: unknown[]) => len(arr));
  // Early-stopping passes cost the elements they looked at, not the whole array.
  wrap(A, "indexOf", (arr: unknown[], _a, out: number) => (out === -1 ? arr.length : out) + 1);
  wrap(A, "includes", (arr: unknown[]) => len(arr));
  for (const m of ["some", "every", "find", "findIndex", "findLast", "findLastIndex"]) {
    const original = (A as unknown as Record<string, Fn>)[m]!;
    const wrapped = function (this: unknown[], fn: (...x: unknown[]) => unknown, self?: unknown) {
      let calls = 0;
      const out = original.call(this, ((...x: unknown[]) => {
        calls++;
        return fn.apply(self, x);
      }) as never);
      add(calls + 1);
      return out;
    };
    Object.defineProperty(A, m, { value: wrapped, writable: true, configurable: true });
    restore.push(() => Object.defineProperty(A, m, { value: original, writable: true, configurable: true }));
  }
  wrap(A, "sort", (arr: unknown[]) => arr.length * Math.max(1, Math.ceil(Math.log2(arr.length + 1))) + 1);
  wrap(A, "splice", (arr: unknown[]) => len(arr));
}

/** Counts the work of `fn` per bucket; the built-ins are restored afterwards, whatever happens. */
export function countWork(fn: () => void): Map<string, number> {
  buckets.clear();
  install();
  counting = true;
  try {
    fn();
  } finally {
    counting = false;
    while (restore.length > 0) restore.pop()!();
  }
  return new Map(buckets);
}
