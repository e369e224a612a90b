// Shop back-end calls used by the chat tools. No LLM in here.
export interface Product {
  sku: string;
  name: string;
  priceEur: number;
}

const SHOP_API = process.env.SHOP_API_URL ?? 'http://localhost:4000';

export async function searchCatalog(query: string, maxPriceEur?: number): Promise<Product[]> {
  const params = new URLSearchParams({ q: query, limit: '10' });
  if (maxPriceEur !== undefined) params.set('maxPrice', String(maxPriceEur));
  const response = await fetch(`${SHOP_API}/products?${params}`);
  return (await response.json()) as Product[];
}

export async function getCart(cartId: string): Promise<Product[]> {
  const response = await fetch(`${SHOP_API}/carts/${encodeURIComponent(cartId)}`);
  return (await response.json()) as Product[];
}
