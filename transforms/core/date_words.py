"""Month and weekday words, as dates are written and said.

Import-free on purpose: spans.py reads it, and importing the recognizers' common module
from there would load Presidio into commands that detect nothing
(tests/pipelines/test_cli_imports.py).
"""
from __future__ import annotations

# The months, in full.
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")

# Months and their abbreviations ("sept" after "sep").
MONTH_WORDS = MONTHS + ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                        "nov", "dec")

# The days of the week, in full.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Weekdays and their abbreviations.
DAY_WORDS = WEEKDAYS + ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
                        "sun")

# Number words as dates are said ("the twenty first of march nineteen eighty five"); the
# digit words, "zero" and "oh" are the spoken-number recognizers' (number_words.NUMBER_WORDS).
TEEN_WORDS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
              "seventeen", "eighteen", "nineteen")
TENS_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
# Day ordinals: "first" to "thirtieth" ("twenty first" is "twenty" then "first").
ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                 "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
                 "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
                 "twentieth", "thirtieth")
