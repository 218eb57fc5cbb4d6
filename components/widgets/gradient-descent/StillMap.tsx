/** Before the live widget arrives: the map's box with a few plain rings, and an empty plot. */
export function StillMap() {
  return (
    <div className="gd-map gd-map--still">
      <svg viewBox="0 0 300 300" role="img" aria-label="A contour map of a loss surface; the live map loads when you scroll to it">
        {[130, 104, 80, 58, 38, 20].map((r) => (
          <ellipse key={r} cx="150" cy="150" rx={r} ry={r * 0.72} />
        ))}
      </svg>
    </div>
  );
}

export function StillPlot() {
  return <svg className="gd-plot__svg" aria-hidden="true" />;
}
