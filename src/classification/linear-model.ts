/**
 * Multi-label logistic regression over sparse binary features, trained by AdaGrad in a seeded order so the same
 * examples always give the same weights, byte for byte once rounded.
 */
export interface LinearLayer {
  labels: readonly string[];
  bias: number[];
  weights: Map<string, number[]>;
}

export interface LinearLayerJson {
  labels: string[];
  bias: number[];
  weights: Record<string, number[]>;
}

export interface TrainingExample {
  features: readonly string[];
  /** Feature values, 1 when absent; a repeated feature keeps its first value. */
  values?: readonly number[];
  /** 1 or 0 per label. */
  targets: readonly number[];
  /** Logits added before the sigmoid, per label: the layer learns what these get wrong. */
  offsets?: readonly number[];
  weight?: number;
}

export interface TrainingOptions {
  labels: readonly string[];
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Features seen fewer times are left out of the layer. */
  minCount?: number;
  /** Features of this kind are dropped from an example this often, so the rest learn to stand alone. */
  dropout?: { rate: number; applies: (feature: string) => boolean };
  /** A stronger pull towards 0 for some features (many weak n-grams against few strong rule findings). */
  l2For?: (feature: string) => number;
  /** Feature-label pairs allowed a weight; the others stay 0. */
  allowed?: (feature: string, label: number) => boolean;
  /** 1: the weight may only be >= 0, -1: only <= 0, 0: free. */
  sign?: (feature: string, label: number) => 1 | -1 | 0;
  /** Keep every bias at 0 (a correction layer must not shift a shop's whole mix). */
  fixedBias?: boolean;
}

const DECIMALS = 1e4;
const PRUNE_BELOW = 5e-4;

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** mulberry32: small, fast and the same everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function addLogits(layer: LinearLayer, features: readonly string[], values: readonly number[] | undefined, out: number[]): void {
  for (let l = 0; l < layer.bias.length; l++) out[l] = (out[l] ?? 0) + (layer.bias[l] ?? 0);
  for (let f = 0; f < features.length; f++) {
    const weights = layer.weights.get(features[f] ?? '');
    if (!weights) continue;
    const value = values?.[f] ?? 1;
    for (let l = 0; l < weights.length; l++) out[l] = (out[l] ?? 0) + (weights[l] ?? 0) * value;
  }
}

export function trainLayer(examples: readonly TrainingExample[], options: TrainingOptions): LinearLayer {
  const labelCount = options.labels.length;
  const counts = new Map<string, number>();
  for (const example of examples) {
    for (const feature of new Set(example.features)) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  }
  const minCount = options.minCount ?? 1;
  const vocabulary = [...counts.entries()]
    .filter(([, count]) => count >= minCount)
    .map(([feature]) => feature)
    .sort();
  const index = new Map(vocabulary.map((feature, i) => [feature, i]));
  const weights = new Float64Array(vocabulary.length * labelCount);
  const squared = new Float64Array(vocabulary.length * labelCount);
  const bias = new Float64Array(labelCount);
  const biasSquared = new Float64Array(labelCount);

  for (let l = 0; l < labelCount && !options.fixedBias; l++) {
    let positives = 0;
    for (const example of examples) positives += example.targets[l] ?? 0;
    const prior = (positives + 1) / (examples.length + 2);
    bias[l] = Math.log(prior / (1 - prior));
  }

  const l2 = vocabulary.map((feature) => options.l2For?.(feature) ?? options.l2);
  const frozen = new Uint8Array(vocabulary.length * labelCount);
  const signs = new Int8Array(vocabulary.length * labelCount);
  vocabulary.forEach((feature, id) => {
    for (let l = 0; l < labelCount; l++) {
      if (options.allowed && !options.allowed(feature, l)) frozen[id * labelCount + l] = 1;
      signs[id * labelCount + l] = options.sign?.(feature, l) ?? 0;
    }
  });
  const encoded = examples.map((example) => {
    const seen = new Map<number, number>();
    example.features.forEach((feature, f) => {
      const id = index.get(feature);
      if (id !== undefined && !seen.has(id)) seen.set(id, example.values?.[f] ?? 1);
    });
    const ids = [...seen.keys()];
    return {
      ids,
      values: ids.map((id) => seen.get(id) ?? 1),
      droppable: new Set(ids.filter((id) => options.dropout?.applies(vocabulary[id] ?? ''))),
      example,
    };
  });

  const random = seededRandom(options.seed);
  const order = encoded.map((_, i) => i);
  const epsilon = 1e-8;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    for (const position of order) {
      const item = encoded[position];
      if (!item) continue;
      const drop = options.dropout && item.droppable.size > 0 && random() < options.dropout.rate;
      const sampleWeight = item.example.weight ?? 1;
      for (let l = 0; l < labelCount; l++) {
        let z = (bias[l] ?? 0) + (item.example.offsets?.[l] ?? 0);
        for (let k = 0; k < item.ids.length; k++) {
          const id = item.ids[k] ?? 0;
          if (drop && item.droppable.has(id)) continue;
          z += (weights[id * labelCount + l] ?? 0) * (item.values[k] ?? 1);
        }
        const gradient = (sigmoid(z) - (item.example.targets[l] ?? 0)) * sampleWeight;
        if (!options.fixedBias) {
          biasSquared[l] = (biasSquared[l] ?? 0) + gradient * gradient;
          bias[l] = (bias[l] ?? 0) - (options.learningRate * gradient) / (Math.sqrt(biasSquared[l] ?? 0) + epsilon);
        }
        for (let n = 0; n < item.ids.length; n++) {
          const id = item.ids[n] ?? 0;
          if (drop && item.droppable.has(id)) continue;
          const k = id * labelCount + l;
          if (frozen[k]) continue;
          const g = gradient * (item.values[n] ?? 1) + (l2[id] ?? 0) * (weights[k] ?? 0);
          squared[k] = (squared[k] ?? 0) + g * g;
          let updated = (weights[k] ?? 0) - (options.learningRate * g) / (Math.sqrt(squared[k] ?? 0) + epsilon);
          if ((signs[k] === 1 && updated < 0) || (signs[k] === -1 && updated > 0)) updated = 0;
          weights[k] = updated;
        }
      }
    }
  }

  const layer: LinearLayer = { labels: [...options.labels], bias: [...bias].map(round), weights: new Map() };
  vocabulary.forEach((feature, id) => {
    const row = Array.from(weights.subarray(id * labelCount, (id + 1) * labelCount), round);
    if (row.some((w) => Math.abs(w) >= PRUNE_BELOW)) layer.weights.set(feature, row);
  });
  return layer;
}

function round(value: number): number {
  const rounded = Math.round(value * DECIMALS) / DECIMALS;
  return Object.is(rounded, -0) ? 0 : rounded;
}

export function layerToJson(layer: LinearLayer): LinearLayerJson {
  const weights: Record<string, number[]> = {};
  for (const feature of [...layer.weights.keys()].sort()) weights[feature] = layer.weights.get(feature) ?? [];
  return { labels: [...layer.labels], bias: [...layer.bias], weights };
}

export function layerFromJson(json: LinearLayerJson): LinearLayer {
  if (!Array.isArray(json.labels) || !Array.isArray(json.bias) || json.labels.length !== json.bias.length) {
    throw new Error('not a linear layer: labels and bias must be arrays of the same length');
  }
  const weights = new Map<string, number[]>();
  for (const [feature, row] of Object.entries(json.weights ?? {})) {
    if (!Array.isArray(row) || row.length !== json.labels.length) throw new Error(`bad weights for feature ${feature}`);
    weights.set(feature, row);
  }
  return { labels: [...json.labels], bias: [...json.bias], weights };
}
