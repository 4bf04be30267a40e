"""The static report: a deal's story at a glance, as self-contained HTML pages (issue 18).

``model`` turns rows of the public views into page models (pure); ``charts``
draws them with Altair, rendered offline to inline SVG by vl-convert;
``render`` fills the Jinja2 templates (autoescaped); ``site`` reads the
warehouse (or an export folder) and writes the files. No Prefect, no apprise:
``flows/`` wires it to the CLI and to the scheduled runs. (``flows/report.py``
is something else: the run summary printed in the terminal.)
"""
