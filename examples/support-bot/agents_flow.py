"""Order-desk agent built with the OpenAI Agents SDK.

The tool list grew by copy and paste: two tools do the same thing under
different names, and one has no docstring, so the model sees no description.
"""
from agents import Agent, Runner, function_tool

from crm import crm


@function_tool
def get_order_status(order_id: str) -> str:
    """Return the shipping status of an order, e.g. 'shipped' or 'in transit'."""
    return crm.orders.status(order_id)


@function_tool
def fetch_order_status(order_id: str) -> str:
    """Look up the current status of a customer order by its id."""
    return crm.orders.lookup(order_id)["status"]


@function_tool
def create_return_label(order_id: str, reason: str) -> str:
    """Create a prepaid return label and return its download URL."""
    return crm.returns.create_label(order_id, reason=reason)


@function_tool
def issue_refund(order_id: str, amount_eur: float) -> str:
    return crm.payments.refund(order_id, amount_eur)


@function_tool
def escalate_to_human(summary: str) -> str:
    """Open a ticket for the human support queue with a short summary."""
    return crm.tickets.open(queue="tier2", summary=summary)


order_desk = Agent(
    name="Order desk",
    instructions=(
        "You handle questions about existing orders: status, returns and refunds. "
        "Check the order status before offering a return. "
        "Refunds above 200 EUR must be escalated to a human."
    ),
    model="gpt-4o-mini",
    tools=[get_order_status, fetch_order_status, create_return_label, issue_refund, escalate_to_human],
)


def handle_order_question(question: str) -> str:
    result = Runner.run_sync(order_desk, question)
    return result.final_output


if __name__ == "__main__":
    print(handle_order_question("Where is order 10023?"))
