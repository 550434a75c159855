import { escapeXml } from './svg.js';
import { FONT_FAMILY } from './text-metrics.js';

/**
 * A self-contained page around the SVG drawing: its title, the definition's comment, a legend,
 * and CSS inline. Its Content-Security-Policy allows no network at all, so opening it never
 * fetches anything.
 */
export function toHtml(svg: string, title: string, comment: string | undefined): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeXml(title)} · state machine</title>
<style>
body{margin:0;background:#f2f3f3;color:#16191f;font-family:${FONT_FAMILY}}
header{padding:16px 24px;background:#232f3e;color:#ffffff}
h1{margin:0;font-size:20px;font-weight:normal}
header p{margin:6px 0 0;color:#d5dbdb;font-size:13px}
.legend{margin:12px 24px 0;font-size:12px;color:#545b64}
.legend span{margin-right:18px;white-space:nowrap}
.legend .catch{color:#d13212}
main{padding:12px 24px 24px;overflow:auto}
main svg{display:block;background:#ffffff;border:1px solid #d5dbdb;border-radius:8px}
</style>
</head>
<body>
<header>
<h1>${escapeXml(title)}</h1>${comment === undefined ? '' : `\n<p>${escapeXml(comment)}</p>`}
</header>
<p class="legend"><span>── transition (Choice rules labelled with their condition)</span><span class="catch">╌╌ Catch (labelled with the errors)</span><span>framed: Parallel branches and Map processors</span></p>
<main>
${svg.trimEnd()}
</main>
</body>
</html>
`;
}
