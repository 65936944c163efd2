"""Demo content for the study's resources: the list page and one study document written for
this demo. Loaded by resources.py.
"""

RESOURCES_TITLE = "Study documents, presentations and papers"
RESOURCES_INTRO = "Study documents, presentations and papers, tagged with the outcomes they cover."

SUMMARY_TITLE = "How the core outcome set was made: a summary"
SUMMARY_FILE_NAME = "mscos-consensus-summary.txt"
SUMMARY_DESCRIPTION = "The steps from 1,241 candidate outcomes to the seven core outcomes."
SUMMARY_AUTHORS = "MSCOS Community of Practice (demo)"
SUMMARY_TEXT = (
    "How the Modern Slavery Core Outcome Set was made (a summary written for this demo)\n\n"
    "Three literature reviews found 398 outcomes; interviews with survivors raised 843. They were "
    "merged into a long-list of 72 outcomes in 10 domains. A three-round international E-Delphi "
    "survey narrowed these to a shortlist of 14, and a consensus workshop of 46 people on 22 June "
    "2022 chose the seven core outcomes. A Research Advisory Board of survivor leaders guided the "
    "study throughout.\n"
)
