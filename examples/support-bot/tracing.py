"""Tracing set-up: LangSmith, switched on by LANGSMITH_TRACING in .env.

Only functions decorated with @traceable are recorded; the OpenAI client in
app.py is not wrapped, so its calls never reach LangSmith.
"""
from langsmith import traceable

__all__ = ["traceable"]
