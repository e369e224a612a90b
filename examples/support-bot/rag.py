"""Knowledge-base answers: retrieve help-centre articles, draft, then polish.

Two LLM steps (a LangChain chain and an Anthropic call) run back to back with
no span around them, so a trace cannot tell which step was slow or wrong.
"""
import anthropic
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI
from langsmith import traceable

from embeddings import help_centre_retriever

draft_llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)
claude = anthropic.Anthropic()

draft_prompt = ChatPromptTemplate.from_messages(
    [
        ("system", "Answer the customer's question using only these help-centre articles:\n{articles}"),
        ("human", "{question}"),
    ]
)
draft_chain = draft_prompt | draft_llm | StrOutputParser()

POLISH_SYSTEM = (
    "You rewrite support answers in Acme's voice: warm, short sentences, no jargon. "
    "Keep every fact and every number exactly as given."
)


def answer_from_kb(question: str) -> str:
    # Not an LLM call: the retriever only searches the vector index.
    articles = help_centre_retriever.invoke(question)
    context = "\n\n".join(doc.page_content for doc in articles)
    draft = draft_chain.invoke({"articles": context, "question": question})
    polished = claude.messages.create(
        model="claude-3-5-sonnet-20240620",
        max_tokens=800,
        system=POLISH_SYSTEM,
        messages=[{"role": "user", "content": draft}],
    )
    return polished.content[0].text


@traceable(name="classify_urgency")
def classify_urgency(message: str) -> str:
    """The one step somebody remembered to trace."""
    reply = claude.messages.create(
        model="claude-3-5-sonnet-20240620",
        max_tokens=5,
        system="Reply with exactly one word: urgent or routine.",
        messages=[{"role": "user", "content": message}],
    )
    return reply.content[0].text.strip().lower()
