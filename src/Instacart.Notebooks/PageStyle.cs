namespace Instacart.Notebooks;

/// <summary>The one stylesheet of the exported pages: readable text width, quiet code, clear tables and status colours.</summary>
internal static class PageStyle
{
    public const string Css = """
        :root { --ink: #1f2933; --muted: #616e7c; --line: #d9e2ec; --paper: #ffffff; --tint: #f5f7fa; --accent: #0b7a3e; --bad: #b42318; --bad-tint: #fef3f2; }
        * { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; }
        body { margin: 0; background: var(--tint); color: var(--ink); font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
        header.page, main { max-width: 60rem; margin: 0 auto; padding: 0 1.25rem; }
        header.page { padding-top: 1rem; }
        nav { display: flex; justify-content: space-between; gap: 1rem; font-size: .875rem; color: var(--muted); margin-bottom: .5rem; }
        nav.pages > a { white-space: nowrap; }
        nav .neighbours { display: flex; gap: 1.25rem; text-align: right; }
        nav .neighbours a { max-width: 22rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
        .banner.synthetic { margin: 0 0 .75rem; padding: .45rem .8rem; border-radius: 6px; background: #fff4d6; border: 1px solid #e8c35a; color: #6b4e00; font-size: .9rem; }
        .run-info { margin: 0 0 .25rem; font-size: .8rem; color: var(--muted); }
        .run-info .fingerprint { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .75rem; word-break: break-all; }
        .run-info .source { white-space: nowrap; }
        nav a { color: var(--accent); text-decoration: none; }
        nav a:hover { text-decoration: underline; }
        h1 { font-size: 1.9rem; line-height: 1.25; margin: .5rem 0 .75rem; }
        h2 { font-size: 1.35rem; margin: 1.5rem 0 .5rem; }
        h3 { font-size: 1.1rem; }
        a { color: var(--accent); }
        .answer { background: var(--paper); border-left: 6px solid var(--accent); border-radius: 6px; padding: .9rem 1.1rem; margin: 1rem 0 1.5rem; box-shadow: 0 1px 2px rgba(0,0,0,.06); }
        .answer .label { display: block; text-transform: uppercase; letter-spacing: .06em; font-size: .75rem; font-weight: 600; color: var(--accent); }
        .answer p { margin: .25rem 0 0; font-size: 1.2rem; font-weight: 500; }
        .answer.failed { border-left-color: var(--bad); background: var(--bad-tint); }
        .answer.failed .label { color: var(--bad); }
        .answer.failed p { font-size: 1rem; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: pre-wrap; }
        section.cell { background: var(--paper); border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; margin: 0 0 1rem; overflow-x: auto; }
        section.cell.markdown { background: transparent; border: 0; padding: 0 .1rem; }
        section.cell.failed { border-color: var(--bad); }
        section.cell.skipped { opacity: .6; }
        section.cell.quiet { background: transparent; border: 0; padding: 0 1rem; margin: -.5rem 0 .5rem; }
        details > summary { cursor: pointer; color: var(--muted); font-size: .85rem; user-select: none; }
        pre, code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85rem; }
        details pre { background: var(--tint); border-radius: 4px; padding: .6rem .8rem; overflow-x: auto; margin: .5rem 0 0; }
        .output { margin: .6rem 0 0; }
        pre.output { white-space: pre-wrap; word-break: break-word; background: var(--tint); border-radius: 4px; padding: .5rem .75rem; }
        pre.output.stream.stderr, pre.output.error { background: var(--bad-tint); color: var(--bad); }
        .output.failure { color: var(--bad); font-size: .9rem; }
        .output.text.result { font-size: 1rem; font-family: inherit; background: transparent; padding: 0; }
        .plotly-chart { width: 100%; }
        .plotly-chart:not([style]) { min-height: 420px; }
        table { border-collapse: collapse; font-size: .875rem; margin: .25rem 0; }
        th, td { border-bottom: 1px solid var(--line); padding: .3rem .7rem; text-align: left; vertical-align: top; }
        th { background: var(--tint); font-weight: 600; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        .instacart-table-caption { color: var(--muted); font-size: .8rem; margin: .25rem 0 0; }
        .status { font-weight: 600; }
        .status.ok { color: var(--accent); }
        .status.failed { color: var(--bad); }
        table.index { width: 100%; background: var(--paper); border: 1px solid var(--line); }
        table.index td { padding: .6rem .75rem; }
        table.index td.question { width: 38%; }
        table.index .suggestion { margin: .35rem 0 0; color: var(--muted); font-size: .85rem; }
        table.index .suggestion::before { content: "What this suggests: "; font-weight: 600; }
        .summary, .files { margin: .25rem 0; }
        nav.contents { justify-content: flex-start; flex-wrap: wrap; gap: .5rem 1.25rem; margin: .75rem 0 0; font-size: .95rem; }
        section.part h2 { margin-top: 1.75rem; }
        @media print { body { background: #fff; } section.cell { break-inside: avoid; } details { display: none; } }

        """;
}
