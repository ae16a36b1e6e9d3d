import { useEffect, useLayoutEffect, useRef } from 'react';
import Sigma from 'sigma';
import { neighbourhood, type EdgeAttributes, type NodeAttributes, type PlaceGraph } from './network-graph';

const FADED = '#e3e6ea';

/**
 * The graph drawn by sigma (WebGL) into a container: hovering a place, or choosing it outside
 * (`chosen`), highlights its neighbourhood (everything else fades) and the chosen place is brought
 * to the middle; clicking a place calls `onOpen`. Hovering stays inside sigma (no React render per
 * mouse move), which keeps frames short on big graphs.
 */
export function NetworkCanvas({
  graph,
  chosen,
  onOpen,
  label,
}: {
  graph: PlaceGraph;
  /** The place chosen in the panel: highlighted when nothing is hovered, and centred. */
  chosen: string | null;
  onOpen: (key: string) => void;
  label: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const sigma = useRef<Sigma<NodeAttributes, EdgeAttributes> | null>(null);
  const focus = useRef<{ key: string; near: Set<string> } | null>(null);
  const hovered = useRef<string | null>(null);
  const chosenRef = useRef(chosen);
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;

  // A layout effect: sigma is killed in the same commit that removes its container, so no frame it
  // scheduled (a hover, a camera move) runs against a detached, zero-width container.
  useLayoutEffect(() => {
    const start = performance.now();
    const renderer = new Sigma<NodeAttributes, EdgeAttributes>(graph, container.current!, {
      labelRenderedSizeThreshold: 7,
      labelFont: 'system-ui, "Noto Sans CJK JP", sans-serif',
      zIndex: true,
      nodeReducer: (node, data) => {
        const f = focus.current;
        if (!f) return data;
        return f.near.has(node) ? { ...data, zIndex: 1, forceLabel: true, highlighted: node === f.key } : { ...data, color: FADED, label: '', zIndex: 0 };
      },
      edgeReducer: (edge, data) => {
        const f = focus.current;
        if (!f) return data;
        const [a, b] = graph.extremities(edge);
        return a === f.key || b === f.key ? { ...data, size: 2, zIndex: 1 } : { ...data, hidden: true };
      },
    });
    const refocus = () => {
      const key = hovered.current ?? chosenRef.current;
      focus.current = key && graph.hasNode(key) ? { key, near: neighbourhood(graph, key) } : null;
      renderer.refresh({ skipIndexation: true });
    };
    renderer.on('enterNode', ({ node }) => {
      hovered.current = node;
      refocus();
    });
    renderer.on('leaveNode', () => {
      hovered.current = null;
      refocus();
    });
    renderer.on('clickNode', ({ node }) => onOpenRef.current(node));
    refocus();
    sigma.current = renderer;
    performance.measure('kakehashi:network-first-render', { start });
    return () => {
      renderer.kill();
      sigma.current = null;
    };
  }, [graph]);

  useEffect(() => {
    chosenRef.current = chosen;
    const renderer = sigma.current;
    if (!renderer) return;
    const key = hovered.current ?? chosen;
    focus.current = key && graph.hasNode(key) ? { key, near: neighbourhood(graph, key) } : null;
    renderer.refresh({ skipIndexation: true });
    const at = chosen && renderer.getNodeDisplayData(chosen);
    if (at) void renderer.getCamera().animate({ x: at.x, y: at.y, ratio: 0.35 }, { duration: 300 });
    else if (!chosen) void renderer.getCamera().animatedReset({ duration: 300 });
  }, [graph, chosen]);

  return <div ref={container} className="network-canvas" role="img" aria-label={label} data-nodes={graph.order} data-edges={graph.size} />;
}
