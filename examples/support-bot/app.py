"""HTTP entry point of the Acme support assistant.

A FastAPI handler that answers one customer message with a single chat
completion. The system prompt grew one policy at a time, as prompts do.
"""
import os

from fastapi import FastAPI
from openai import OpenAI
from pydantic import BaseModel

from rag import answer_from_kb

app = FastAPI()
client = OpenAI(api_key=os.environ.get("OPENAI_API_KEY"))

# A moving alias: what "gpt-4o" means changes under us when OpenAI repoints it.
CHAT_MODEL = "gpt-4o"

SYSTEM_PROMPT = "You are Acme's customer-support assistant. Answer politely and briefly.\n"
SYSTEM_PROMPT += "Never promise refunds above 200 EUR; escalate those to a human agent.\n"
SYSTEM_PROMPT += "If the customer mentions a legal threat, stop and hand over to the legal queue.\n"
SYSTEM_PROMPT += "Always quote the order number back to the customer before discussing it.\n"
SYSTEM_PROMPT += "Shipping to Norway and Switzerland takes 5-9 working days because of customs.\n"
SYSTEM_PROMPT += "Do not discuss competitor products or their prices.\n"
SYSTEM_PROMPT += "Black Friday orders may be returned until January 31st.\n"
SYSTEM_PROMPT += "Answer in the customer's language; default to English.\n"


class ChatRequest(BaseModel):
    customer_name: str
    tier: str
    message: str


@app.post("/chat")
def chat(request: ChatRequest) -> dict:
    # The customer's own words end up inside the system prompt: a prompt-injection door.
    personalised = SYSTEM_PROMPT + f"The customer is {request.customer_name} ({request.tier} tier). Their note: {request.message}\n"
    completion = client.chat.completions.create(
        model=CHAT_MODEL,
        messages=[
            {"role": "system", "content": personalised},
            {"role": "user", "content": request.message},
        ],
        temperature=0.2,
    )
    return {"answer": completion.choices[0].message.content}


@app.post("/kb")
def knowledge_base(request: ChatRequest) -> dict:
    return {"answer": answer_from_kb(request.message)}
