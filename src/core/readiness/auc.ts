/**
 * Area under the ROC curve: the probability that a randomly chosen positive scores above a randomly chosen
 * negative, ties counting one half (the Mann–Whitney U statistic over n₊·n₋). O(n log n) by ranking with
 * average ranks for ties. Null when either class is empty.
 */
export function auc(scores: readonly number[], labels: readonly number[]): number | null {
  const n = scores.length;
  if (labels.length !== n) throw new RangeError('scores and labels differ in length');
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++;
    // Ranks i+1 … j+1 share their average.
    const avg = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) {
      if (labels[order[k]!] === 1) {
        positives++;
        rankSum += avg;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
