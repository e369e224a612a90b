"""Vector index over the help-centre articles.

Models come from the Hugging Face Hub by name: without a pinned revision the
next push to the repository changes our embeddings silently.
"""
from langchain_community.vectorstores import FAISS
from langchain_huggingface import HuggingFaceEmbeddings
from sentence_transformers import SentenceTransformer
from transformers import AutoTokenizer

# No revision: tracks whatever the repository's main branch holds today.
encoder = SentenceTransformer("sentence-transformers/all-MiniLM-L6-v2")

# A revision that is itself a moving branch is no pin either.
tokenizer = AutoTokenizer.from_pretrained("sentence-transformers/all-MiniLM-L6-v2", revision="main")

MAX_CHUNK_TOKENS = 256


def chunk(text: str) -> list[str]:
    ids = tokenizer(text)["input_ids"]
    return [tokenizer.decode(ids[i : i + MAX_CHUNK_TOKENS]) for i in range(0, len(ids), MAX_CHUNK_TOKENS)]


def build_index(articles: list[str]) -> FAISS:
    pieces = [piece for article in articles for piece in chunk(article)]
    embedder = HuggingFaceEmbeddings(model_name="sentence-transformers/all-MiniLM-L6-v2")
    return FAISS.from_texts(pieces, embedder)


help_centre_retriever = build_index(open("data/articles.txt", encoding="utf-8").read().split("\n\n")).as_retriever(
    search_kwargs={"k": 4}
)
