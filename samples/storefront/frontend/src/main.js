export async function quote(weight) {
  const response = await fetch("/quote", { method: "POST", body: JSON.stringify({ weight }) });
  return (await response.json()).shipping;
}
