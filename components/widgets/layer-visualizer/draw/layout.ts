/** Where each neuron sits in the network drawing. Pure geometry, so it is tested without a DOM. */
export type NodePlace = { layer: number; index: number; x: number; y: number; size: number };

export type NetworkLayout = { width: number; height: number; nodeSize: number; nodes: NodePlace[][] };

const MAX_NODE = 40;
const MIN_NODE = 16;

export function layoutNetwork(layerSizes: number[], width: number, height: number): NetworkLayout {
  const columns = layerSizes.length;
  const tallest = Math.max(...layerSizes);
  const columnGap = width / columns;
  const nodeSize = Math.max(MIN_NODE, Math.min(MAX_NODE, columnGap * 0.55, (height / Math.max(tallest, 1)) * 0.72));
  const rowGap = Math.min(nodeSize * 1.45, height / Math.max(tallest, 1));
  const nodes = layerSizes.map((count, layer) => {
    const x = columnGap * (layer + 0.5);
    const top = height / 2 - ((count - 1) * rowGap) / 2;
    return Array.from({ length: count }, (_, index) => ({ layer, index, x, y: top + index * rowGap, size: nodeSize }));
  });
  return { width, height, nodeSize, nodes };
}
