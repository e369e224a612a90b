"""LangSmith tracing for the support bot.

LANGSMITH_TRACING=true (see .env.example) traces LangChain runs and every
function decorated with @traceable. Raw SDK clients are traced only when
wrapped: use `traced_openai` below instead of a bare `OpenAI()`.
"""
import os

from langsmith.wrappers import wrap_openai
from openai import OpenAI

os.environ.setdefault("LANGSMITH_PROJECT", "acme-support")

# Wrapped client, meant for every OpenAI call of the app. app.py still builds
# its own bare client, so its chat completions never show up in LangSmith.
traced_openai = wrap_openai(OpenAI())


def traced_summary(text: str) -> str:
    reply = traced_openai.chat.completions.create(
        model="gpt-4o-mini-2024-07-18",
        messages=[{"role": "user", "content": f"Summarise this support ticket in one line:\n{text}"}],
    )
    return reply.choices[0].message.content
