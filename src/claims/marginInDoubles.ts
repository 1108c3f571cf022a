/**
 * The `notCertifiable` reason of the checks whose runs and statistic are computed in doubles (an f64
 * trajectory, a double eigensolver, a measured rate): interval arithmetic cannot enclose their margin,
 * so a failure stays `inconclusive (not certified: …)`. Converting one means computing its margin in
 * the field (docs/claim-api.md, Margins).
 */
export const MARGIN_IN_DOUBLES = 'its runs and statistic are computed in doubles (an f64 trajectory and eigensolver), which interval arithmetic cannot enclose';
