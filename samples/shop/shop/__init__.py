"""A small shop: prices, carts and coupons (QuestMesh's demo project)."""
