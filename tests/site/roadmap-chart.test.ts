import { describe, expect, it } from 'vitest';
import { escapeXml, roadmapChartSvg } from '#site/lib/roadmap-chart';
import { portfolioRoadmap } from '#core/model/roadmap';
import { clientYaml, date, makeClient } from '../helpers/clients.ts';

const hostile = makeClient(
  'hostile',
  clientYaml(
    '<script>alert("x")</script> & Sons',
    `roadmap:
  - title: "<script>alert('item')</script>"
    when: 2027-Q1
    cost: 5000
    status: agreed
  - title: Proposed work
    when: 2027-Q2
    cost: 2500.5
  - title: Deferred work
    when: 2027-Q2
    cost: 1000
    status: deferred
  - title: Tiny
    when: 2027-Q3
    cost: 10
    status: agreed
  - title: Big later
    when: 2031
    cost: 1`,
  ),
);
const options = { currency: 'USD', locale: 'en-US' };

describe('roadmapChartSvg', () => {
  const roadmap = portfolioRoadmap([hostile], { asOf: date('2027-01-01') });
  const svg = roadmapChartSvg(roadmap, options);

  it('draws one bar group per quarter', () => {
    expect(svg.match(/<g class="quarter[ "]/g)).toHaveLength(12);
    for (const q of roadmap.quarters) expect(svg).toContain(`data-quarter="${q.key}"`);
  });

  it('is an accessible image sized by its viewBox', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 \d+ \d+" role="img" aria-labelledby="roadmap-chart-title roadmap-chart-desc"/);
    expect(svg).not.toMatch(/<svg[^>]* (width|height)=/);
    expect(svg).toContain('<title id="roadmap-chart-title">Planned work by quarter</title>');
    expect(svg).toMatch(/<desc id="roadmap-chart-desc">Stacked bars of agreed, proposed and deferred roadmap costs, with renewals and replacements on top, for each quarter from Q1 2027 to Q4 2029\./);
    expect(svg).toContain('Not shown: 1 item later than Q4 2029.');
  });

  it('escapes every text, including a <script> title and a client name', () => {
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons');
    const custom = roadmapChartSvg(roadmap, { ...options, title: '</title><script>x</script>', idPrefix: 'a"b' });
    expect(custom).not.toContain('<script');
    expect(custom).toContain('<title id="a-b-title">&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>');
    expect(custom).toContain('fill="url(#a-b-hatch)"');
    expect(escapeXml(`<a href='x'>&</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('stacks agreed, proposed and deferred', () => {
    const q2 = svg.slice(svg.indexOf('data-quarter="2027-Q2"'));
    const group = q2.slice(0, q2.indexOf('</g>'));
    expect(group).toMatch(/<rect class="proposed"[^>]*\/>\n<rect class="deferred"/);
    expect(group).toContain('proposed $2,500.50, deferred $1,000');
    // Heights in proportion: proposed 2500.5 against deferred 1000.
    const h = (cls: string) => Number(new RegExp(`<rect class="${cls}"[^>]*height="([\\d.]+)"`).exec(group)![1]);
    expect(h('proposed') / h('deferred')).toBeCloseTo(2.5, 1);
  });

  it('marks quiet quarters visibly, not by colour alone', () => {
    const quiet = roadmap.quarters.filter((q) => q.quiet).map((q) => q.key);
    // Most quarters are empty, so the median is $0 and only the empty quarters are quiet; $10 in 2027-Q3 is not.
    expect(quiet).toEqual(roadmap.quarters.slice(3).map((q) => q.key));
    expect(svg.match(/<g class="quarter quiet"/g)).toHaveLength(quiet.length);
    expect(svg.match(/class="quiet-label"[^>]*>quiet</g)).toHaveLength(quiet.length);
    expect(svg).toContain(`Quiet quarters: ${roadmap.quarters.filter((q) => q.quiet).map((q) => q.label).join(', ')}.`);
  });

  it('uses no external resource and no script', () => {
    expect(svg.match(/https?:\/\//g)).toEqual(['http://']); // the xmlns only
    expect(svg).not.toMatch(/@font-face|@import|<image|<script|xlink:href|href=/);
    expect(svg).toMatch(/font-family="system-ui/);
  });

  it('is byte-stable', () => {
    expect(roadmapChartSvg(portfolioRoadmap([hostile], { asOf: date('2027-01-01') }), options)).toBe(svg);
  });

  it('still draws 12 quarters with nothing planned', () => {
    const empty = roadmapChartSvg(portfolioRoadmap([], { asOf: date('2027-01-01') }), options);
    expect(empty.match(/<g class="quarter quiet"/g)).toHaveLength(12);
    expect(empty).toContain('No costed work planned in these quarters');
  });
});
