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

    /// <summary>The attribute that marks the script element of <see cref="PlotlyJsLoader"/> (its value is the plotly.js version).</summary>
    internal const string LoaderAttribute = "data-instacart-plotly-js";

    /// <summary>The window event <see cref="PlotlyJsLoader"/> raises once <c>window.Plotly</c> is there; charts shown before it wait for it.</summary>
    internal const string ReadyEvent = "instacart-plotly-ready";

    /// <summary>
    /// For a notebook front end (VS Code, Jupyter): a <c>div</c> and a script that draws the figure with
    /// <c>window.Plotly</c>, which <see cref="NotebookSession.Start"/> puts on the page once per kernel session
    /// (<see cref="PlotlyJsLoader"/>), so the chart draws offline and in an exported page. Without it (a notebook
    /// whose outputs come from another host) the script waits for it and meanwhile tries plotly.js from its CDN
    /// (through require.js when the page uses it, as classic Jupyter does); when that fails too, the chart's area
    /// says what to do instead of staying blank.
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
              var target = document.getElementById('{{id}}');
              var drawn = false;
              var draw = function () {
                if (drawn || !target || typeof window.Plotly === 'undefined') { return; }
                drawn = true;
                target.textContent = '';
                window.Plotly.newPlot(target, figure.data, figure.layout || {}, figure.config || { responsive: true });
              };
              if (typeof window.Plotly !== 'undefined') { draw(); return; }
              window.addEventListener('{{ReadyEvent}}', draw);
              var missing = function () {
                if (!drawn && target) {
                  target.textContent = 'This chart needs plotly.js, which the cell that calls NotebookSession.Open (or Start) '
                    + 'hands over once per kernel session: run the notebook from the top.';
                }
              };
              var src = 'https://cdn.plot.ly/plotly-{{PlotlyJsVersion}}.min';
              if (typeof requirejs === 'function' && typeof requirejs.config === 'function') {
                requirejs.config({ context: 'instacart-plotly', paths: { plotly: src } })(['plotly'], function (Plotly) {
                  window.Plotly = window.Plotly || Plotly;
                  draw();
                }, missing);
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
              window.instacartPlotly.then(draw, missing);
            })();
            </script>
            """;
    }

    /// <summary>
    /// The script element that puts plotly.js (the library's embedded copy) on a notebook front end's page as
    /// <c>window.Plotly</c>, unless the page has it already, then raises <see cref="ReadyEvent"/>. plotly.js runs with
    /// <c>define</c>, <c>module</c> and <c>exports</c> hidden, so that on a page with require.js (classic Jupyter, an
    /// nbconvert page online) it still sets <c>window.Plotly</c> rather than registering an anonymous AMD module.
    /// </summary>
    /// <returns>The HTML fragment (about 3.6 MB); it shows nothing.</returns>
    internal static string PlotlyJsLoader() =>
        $"<script type=\"text/javascript\" {LoaderAttribute}=\"{PlotlyJsVersion}\">\n" +
        "if (typeof window.Plotly === 'undefined') {\n" +
        "(function (define, module, exports) {\n" +
        PlotlyJsResource.Script +
        "\n}).call(window);\n" +
        "}\n" +
        $"window.dispatchEvent(new Event('{ReadyEvent}'));\n" +
        "</script>\n";
}
