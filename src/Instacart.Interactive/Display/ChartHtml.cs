namespace Instacart.Interactive.Display;

/// <summary>HTML that draws a Plotly figure from its JSON, with the JSON escaped for HTML.</summary>
public static class ChartHtml
{
    /// <summary>
    /// The MIME type of a Plotly figure (data, layout) as JSON: what the notebook formatters write beside a chart's
    /// HTML, and what Jupyter front ends and the report's pages draw.
    /// </summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    /// <summary>The plotly.js version Plotly.NET 6 embeds, used when a notebook front end has to load it.</summary>
    public const string PlotlyJsVersion = "2.28.0";

    /// <summary>
    /// For a notebook front end (VS Code, Jupyter): a <c>div</c> and a script that draws the figure with
    /// <c>window.Plotly</c> when the page has it, else loads plotly.js (through require.js when the page
    /// uses it, as Jupyter does; else with a script element).
    /// </summary>
    /// <param name="figureJson">The figure as JSON (<c>{"data":…,"layout":…}</c>), not yet escaped.</param>
    /// <param name="makeId">Gives the element id for the figure.</param>
    /// <returns>The HTML fragment.</returns>
    public static string ForNotebook(string figureJson, Func<string, string> makeId)
    {
        ArgumentNullException.ThrowIfNull(figureJson);
        ArgumentNullException.ThrowIfNull(makeId);
        var id = makeId(figureJson);
        return $$"""
            <div id="{{id}}" class="instacart-chart"></div>
            <script type="text/javascript">
            (function () {
              var figure = {{HtmlJson.Escape(figureJson)}};
              var draw = function (Plotly) {
                Plotly.newPlot('{{id}}', figure.data, figure.layout || {}, figure.config || { responsive: true });
              };
              if (typeof window.Plotly !== 'undefined') { draw(window.Plotly); return; }
              var src = 'https://cdn.plot.ly/plotly-{{PlotlyJsVersion}}.min';
              if (typeof requirejs === 'function' && typeof requirejs.config === 'function') {
                requirejs.config({ context: 'instacart-plotly', paths: { plotly: src } })(['plotly'], draw);
                return;
              }
              window.instacartPlotly = window.instacartPlotly || new Promise(function (resolve, reject) {
                var script = document.createElement('script');
                script.src = src + '.js';
                script.charset = 'utf-8';
                script.onload = function () { resolve(window.Plotly); };
                script.onerror = reject;
                document.head.appendChild(script);
              });
              window.instacartPlotly.then(draw);
            })();
            </script>
            """;
    }
}
