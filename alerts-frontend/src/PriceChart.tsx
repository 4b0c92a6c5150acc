import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { PricePoint } from './api';

/**
 * Daily lowest / median / highest price. Sized explicitly (no ResponsiveContainer): the caller
 * passes the width it has, which also keeps the chart renderable in jsdom.
 */
export function PriceChart({
  points,
  currency,
  width,
  height = 260,
}: {
  points: PricePoint[];
  currency: string;
  width: number;
  height?: number;
}) {
  const data = points.map((p) => ({ day: p.day, min: Number(p.min), median: Number(p.median), max: Number(p.max) }));
  const first = data[0];
  const last = data[data.length - 1];
  return (
    <figure className="chart">
      <LineChart
        width={width}
        height={height}
        data={data}
        margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        accessibilityLayer
        aria-label={`Daily prices in ${currency}`}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="day" tick={{ fontSize: 12 }} />
        <YAxis tick={{ fontSize: 12 }} width={56} />
        <Tooltip />
        <Legend />
        <Line type="monotone" dataKey="min" name="Lowest" stroke="#1a7f37" dot={false} isAnimationActive={false} />
        <Line
          type="monotone"
          dataKey="median"
          name="Median"
          stroke="#0550ae"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
        <Line type="monotone" dataKey="max" name="Highest" stroke="#cf222e" dot={false} isAnimationActive={false} />
      </LineChart>
      <figcaption>
        Daily lowest, median and highest price in {currency}
        {first && last && `, ${first.day} to ${last.day}: median ${first.median} → ${last.median}`}.
      </figcaption>
    </figure>
  );
}
