using Microsoft.Playwright;

namespace Instacart.Notebooks.Tests;

/// <summary>
/// What plotly drew as text in a page's charts, read in the browser: links (<c>a</c> elements) and styled
/// <c>tspan</c>s (what <c>&lt;b&gt;</c>, <c>&lt;i&gt;</c>, <c>&lt;sup&gt;</c>, <c>&lt;span style&gt;</c> become) in the
/// chart SVGs, their text, and the same in the hover label of every point whose data holds an escaped character
/// (plotly's own hover, driven through <c>Plotly.Fx.hover</c>).
/// </summary>
internal static class ChartTextProbe
{
    /// <summary>One chart's drawing (a class with setters: Playwright fills it from the script's result).</summary>
    public sealed class Chart
    {
        /// <summary>The <c>a</c> elements of the chart's SVGs, hover labels included (outer HTML).</summary>
        public string[] Links { get; set; } = [];

        /// <summary>The styled <c>tspan</c>s before any hover (style and text).</summary>
        public string[] Styled { get; set; } = [];

        /// <summary>The styled <c>tspan</c>s of hover labels other than the templates' bold (style and text).</summary>
        public string[] HoverStyled { get; set; } = [];

        /// <summary>Every text element's text, as a reader sees it.</summary>
        public string[] Texts { get; set; } = [];

        /// <summary>Every hover label's text.</summary>
        public string[] HoverTexts { get; set; } = [];

        /// <summary>Errors plotly raised when asked to hover a point.</summary>
        public string[] HoverErrors { get; set; } = [];
    }

    /// <summary>Waits until every chart of the page is drawn, then reads them, hovering every point with escaped data (at most 40 per trace).</summary>
    public static async Task<Chart[]> ReadAsync(IPage page)
    {
        var charts = page.Locator(".plotly-chart");
        for (var i = 0; i < await charts.CountAsync(); i++)
        {
            await charts.Nth(i).Locator(".main-svg").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });
        }

        return await page.EvaluateAsync<Chart[]>(Script);
    }

    private const string Script = """
        async () => {
          const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
          const styled = root => Array.from(root.querySelectorAll('tspan[style]')).map(t => t.getAttribute('style') + ' | ' + t.textContent);
          const escaped = v => typeof v === 'string' && /&(amp|lt|gt|#36);/.test(v);
          const hostile = (trace, p) => {
            const at = (name) => {
              const a = trace[name];
              if (!Array.isArray(a)) return undefined;
              return Array.isArray(p) ? (Array.isArray(a[p[0]]) ? a[p[0]][p[1]] : undefined) : a[p];
            };
            const axisValue = (name, i) => Array.isArray(trace[name]) ? trace[name][i] : undefined;
            const values = Array.isArray(p)
              ? [axisValue('x', p[1]), axisValue('y', p[0]), at('customdata')]
              : [at('x'), at('y'), at('text'), at('customdata'), trace.name];
            return values.flat().some(escaped) || escaped(trace.name);
          };
          const out = [];
          for (const gd of document.querySelectorAll('.plotly-chart')) {
            const chart = { links: [], styled: [], hoverStyled: [], texts: [], hoverTexts: [], hoverErrors: [] };
            for (const svg of gd.querySelectorAll('svg.main-svg')) {
              chart.links.push(...Array.from(svg.querySelectorAll('a')).map(a => a.outerHTML));
              chart.styled.push(...styled(svg));
              chart.texts.push(...Array.from(svg.querySelectorAll('text')).map(t => t.textContent));
            }
            for (let c = 0; c < (gd.data || []).length; c++) {
              const trace = gd.data[c];
              const points = [];
              if (trace.type === 'heatmap') {
                (trace.z || []).forEach((row, i) => row.forEach((_, j) => points.push([i, j])));
              } else {
                const n = Math.max((trace.x || []).length, (trace.y || []).length);
                for (let i = 0; i < n; i++) points.push(i);
              }
              const subplot = (trace.xaxis || 'x') + (trace.yaxis || 'y');
              for (const p of points.filter(p => hostile(trace, p)).slice(0, 40)) {
                try {
                  Plotly.Fx.hover(gd, [{ curveNumber: c, pointNumber: p }], subplot);
                } catch (e) {
                  chart.hoverErrors.push(String(e));
                  continue;
                }
                await sleep(60);
                const layer = gd.querySelector('.hoverlayer');
                if (!layer) continue;
                chart.links.push(...Array.from(layer.querySelectorAll('a')).map(a => a.outerHTML));
                chart.hoverStyled.push(...styled(layer).filter(s => !s.startsWith('font-weight:bold | ')));
                chart.hoverTexts.push(layer.textContent);
              }
              Plotly.Fx.unhover(gd);
            }
            out.push(chart);
          }
          return out;
        }
        """;
}
