import unittest

from orders.cart import Cart


class CartTest(unittest.TestCase):
    def test_subtotal_of_two_lines(self):
        cart = Cart()
        cart.add("apple", 0.5, 4)
        cart.add("pear", 1.25)
        self.assertEqual(cart.subtotal(), 3.25)

    def test_adding_twice_adds_up(self):
        cart = Cart()
        cart.add("apple", 0.5)
        cart.add("apple", 0.5, 2)
        self.assertEqual(cart.item_count(), 3)
