"""The storefront's HTTP API: stock levels and shipping quotes."""

from flask import Flask, jsonify, request

from inventory.stock import Warehouse
from orders.shipping import shipping_cost

app = Flask(__name__)
WAREHOUSE = Warehouse({"apple": 10, "pear": 1, "plum": 0})


@app.get("/health")
def health():
    return {"status": "ok"}


@app.get("/stock/<item>")
def stock(item):
    if item not in WAREHOUSE.items:
        return jsonify(error=f"unknown item {item}"), 404
    return {"item": item, "quantity": WAREHOUSE.quantity(item)}


@app.get("/low-stock")
def low_stock():
    return {"items": WAREHOUSE.low_stock(threshold=1)}


@app.post("/quote")
def quote():
    body = request.get_json(silent=True) or {}
    weight = body.get("weight")
    if not isinstance(weight, (int, float)) or isinstance(weight, bool) or weight <= 0:
        return jsonify(error="weight must be a positive number"), 400
    return {"shipping": shipping_cost(weight, express=bool(body.get("express", False)))}
