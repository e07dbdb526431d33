import orders.shipping as shipping


def test_express_factor_can_be_tuned():
    # Leaks on purpose: the factor stays 2.0 for every test that runs after this one.
    shipping.EXPRESS_FACTOR = 2.0
    assert shipping.shipping_cost(1.0, express=True) == 9.0
