"""A sample support agent with GenAI debt planted on purpose (the GenAI Debt walkthrough)."""
from openai import OpenAI

client = OpenAI()

# A moving alias: what it means changes when the provider repoints it.
MODEL = "gpt-4o"

SYSTEM_PROMPT = "You are Acme's support assistant. Answer briefly.\n"
SYSTEM_PROMPT += "Never promise refunds above 200 EUR.\n"
SYSTEM_PROMPT += "Escalate legal threats to a human.\n"
SYSTEM_PROMPT += "Quote the order number back to the customer.\n"
SYSTEM_PROMPT += "Answer in the customer's language.\n"


def answer(question: str) -> str:
    # No tracing covers this call: nobody can see what the model was asked.
    completion = client.chat.completions.create(
        model=MODEL,
        messages=[
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": question},
        ],
    )
    return completion.choices[0].message.content
