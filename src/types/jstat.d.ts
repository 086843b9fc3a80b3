/**
 * Minimal local type declarations for `jstat` (1.9.x). There is no `@types/jstat` on npm.
 *
 * Runtime shape: `jstat` is a CommonJS/UMD module whose `module.exports` IS the jStat function
 * object (and `jStat.jStat === jStat`). Node's ESM loader cannot detect a named `jStat` export,
 * so a named import (`import { jStat } from 'jstat'`) crashes the ESM build (dist/index.js).
 * Only the default import is declared here, which works in ESM, CJS, tsx and vitest:
 *
 *   import jStat from 'jstat';
 *
 * Only pure, deterministic numeric helpers are declared. The `sample`, `randn` and `randg`
 * functions use Math.random and are deliberately NOT declared.
 *
 * Keep jstat types out of the public API: this ambient module is not shipped in dist/*.d.ts.
 */
declare module 'jstat' {
  /** Continuous distribution with parameters P, e.g. normal: [mean, std]. */
  interface JStatContinuous<P extends number[]> {
    pdf(x: number, ...params: P): number;
    cdf(x: number, ...params: P): number;
    inv(p: number, ...params: P): number;
    mean(...params: P): number;
    median(...params: P): number;
    mode(...params: P): number;
    variance(...params: P): number;
  }

  /** Discrete distribution with parameters P, e.g. binomial: [n, p]. */
  interface JStatDiscrete<P extends number[]> {
    pdf(k: number, ...params: P): number;
    cdf(x: number, ...params: P): number;
  }

  interface JStatStatic {
    // ---- continuous distributions ----
    /** normal(mean, std) */
    normal: JStatContinuous<[mean: number, std: number]>;
    /** chisquare(dof) */
    chisquare: JStatContinuous<[dof: number]>;
    /** beta(alpha, beta) */
    beta: JStatContinuous<[alpha: number, beta: number]>;
    /** gamma(shape, scale) */
    gamma: JStatContinuous<[shape: number, scale: number]>;
    /** invgamma(shape, scale) */
    invgamma: JStatContinuous<[shape: number, scale: number]>;
    /** studentt(dof) */
    studentt: JStatContinuous<[dof: number]>;
    /** centralF(df1, df2) */
    centralF: JStatContinuous<[df1: number, df2: number]>;
    /** exponential(rate) */
    exponential: JStatContinuous<[rate: number]>;
    /** lognormal(mu, sigma) */
    lognormal: JStatContinuous<[mu: number, sigma: number]>;
    /** uniform(a, b) */
    uniform: JStatContinuous<[a: number, b: number]>;

    // ---- discrete distributions ----
    /** binomial(n, p): pdf(k, n, p), cdf(k, n, p) */
    binomial: JStatDiscrete<[n: number, p: number]>;
    /** poisson(lambda): pdf(k, l), cdf(x, l) */
    poisson: JStatDiscrete<[lambda: number]>;
    /**
     * hypgeom(N, m, n): pdf(k, N, m, n), cdf(x, N, m, n)
     * k = successes drawn, N = population size, m = successes in population, n = draws.
     */
    hypgeom: JStatDiscrete<[N: number, m: number, n: number]>;
    /** negbin(r, p). NB: jstat's negbin.pdf returns `false` for non-integer k. */
    negbin: {
      pdf(k: number, r: number, p: number): number | false;
      cdf(x: number, r: number, p: number): number;
    };

    // ---- special functions ----
    gammafn(x: number): number;
    gammaln(x: number): number;
    /** Regularized lower incomplete gamma P(a, x) (same as lowRegGamma). */
    gammap(a: number, x: number): number;
    lowRegGamma(a: number, x: number): number;
    /** Inverse of the regularized lower incomplete gamma. */
    gammapinv(p: number, a: number): number;
    betafn(x: number, y: number): number;
    betaln(x: number, y: number): number;
    /** Regularized incomplete beta I_x(a, b). */
    ibeta(x: number, a: number, b: number): number;
    ibetainv(p: number, a: number, b: number): number;
    erf(x: number): number;
    erfc(x: number): number;
    erfcinv(p: number): number;
    factorial(n: number): number;
    factorialln(n: number): number;
    combination(n: number, m: number): number;
    combinationln(n: number, m: number): number;
    permutation(n: number, m: number): number;

    // ---- descriptive statistics on plain arrays ----
    sum(arr: readonly number[]): number;
    mean(arr: readonly number[]): number;
    median(arr: readonly number[]): number;
    /** flag=true gives the sample variance (n-1). */
    variance(arr: readonly number[], flag?: boolean): number;
    /** flag=true gives the sample standard deviation (n-1). */
    stdev(arr: readonly number[], flag?: boolean): number;
    quantiles(arr: readonly number[], quantiles: readonly number[]): number[];
    percentile(arr: readonly number[], k: number, exclusive?: boolean): number;

    /** Self-reference: `jStat.jStat === jStat` at runtime. */
    jStat: JStatStatic;
  }

  const jStat: JStatStatic;
  export default jStat;
}
